-- capi.ffi_header_luajit: LuaJIT's ffi.cdef reads kare_ffi.h as it is and
-- calls libkare through it: a plan loaded, counted, written and freed, a
-- refusal read back with its path.
-- Run: luajit ffi_header_luajit.lua KARE_FFI_H LIBKARE PLAN.json
local ffi = require("ffi")
local header, library, example = arg[1], arg[2], arg[3]

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

ffi.cdef(read(header))
local kare = ffi.load(library)

local document = read(example)
local plan = ffi.new("kare_plan *[1]")
assert(kare.kare_plan_load(plan, document, #document) == kare.KARE_OK)
local count = ffi.new("size_t[1]")
assert(kare.kare_plan_account_count(count, plan[0]) == kare.KARE_OK)
assert(tonumber(count[0]) == 26, "26 accounts")

local text, length = ffi.new("char *[1]"), ffi.new("size_t[1]")
assert(kare.kare_plan_to_json(text, length, plan[0]) == kare.KARE_OK)
local written = ffi.string(text[0], length[0])
kare.kare_string_free(text[0])
assert(written:sub(1, 1) == "{" and #written == tonumber(length[0]))

local bad = '{"id":"X-1","name":"X","owner":"maya","relationship":"client","attributes":{"seats":"many"}}'
local status = kare.kare_plan_add_account(plan[0], bad, #bad)
local path = ffi.string(kare.kare_error_path())
assert(status == kare.KARE_ERROR_INVALID_PLAN, "invalid_plan")
assert(path == "accounts[26].attributes.seats", path)
kare.kare_plan_free(plan[0])
print(("luajit: kare %s, refusal at %s"):format(ffi.string(kare.kare_version_string()), path))
