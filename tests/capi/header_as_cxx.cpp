// kare.h is plain C that also compiles as C++ without warnings.
#include <kare/kare.h>

static_assert(KARE_OK == 0, "KARE_OK is zero");
