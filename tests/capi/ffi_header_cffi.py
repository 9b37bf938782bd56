"""capi.ffi_header_cffi: Python's cffi reads kare_ffi.h as it is and calls
libkare through it: a plan loaded, counted, written and freed, a refusal read
back with its path. Skipped (77) without cffi.

Run: python3 ffi_header_cffi.py KARE_FFI_H LIBKARE PLAN.json
"""

import sys

try:
    import cffi
except ImportError:
    print("skipped: no cffi")
    sys.exit(77)


def main() -> int:
    header, library, example = sys.argv[1:]
    ffi = cffi.FFI()
    with open(header, encoding="utf-8") as file:
        ffi.cdef(file.read())
    kare = ffi.dlopen(library)

    with open(example, "rb") as file:
        document = file.read()
    plan = ffi.new("kare_plan **")
    assert kare.kare_plan_load(plan, document, len(document)) == kare.KARE_OK
    count = ffi.new("size_t *")
    assert kare.kare_plan_account_count(count, plan[0]) == kare.KARE_OK and count[0] == 26

    text, length = ffi.new("char **"), ffi.new("size_t *")
    assert kare.kare_plan_to_json(text, length, plan[0]) == kare.KARE_OK
    written = ffi.string(text[0], length[0])
    kare.kare_string_free(text[0])
    assert written.startswith(b"{") and len(written) == length[0]

    bad = b'{"id":"X-1","name":"X","owner":"maya","relationship":"client","attributes":{"seats":"many"}}'
    status = kare.kare_plan_add_account(plan[0], bad, len(bad))
    path = ffi.string(kare.kare_error_path()).decode()
    assert status == kare.KARE_ERROR_INVALID_PLAN, status
    assert path == "accounts[26].attributes.seats", path
    kare.kare_plan_free(plan[0])
    print(f"cffi: kare {ffi.string(kare.kare_version_string()).decode()}, refusal at {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
