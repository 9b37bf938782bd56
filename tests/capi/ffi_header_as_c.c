/* kare_ffi.h is C on its own once size_t and the <stdint.h> types are known,
   as every FFI parser knows them. */
#include <stddef.h>
#include <stdint.h>

#include <kare/kare_ffi.h>

typedef int kare_ffi_header_is_not_empty[KARE_OK == 0 ? 1 : -1];
