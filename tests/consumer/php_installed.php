<?php

// consumer.php_cdef: the line of docs/embedding.md, on an installed tree:
// FFI::cdef(file_get_contents(<include>/kare/kare_ffi.h), "libkare.so.1")
// works as is, and the library it loads is the installed one.
// Run: php php_installed.php HEADER LIBDIR (with LD_LIBRARY_PATH=LIBDIR)

declare(strict_types=1);

if (!extension_loaded('ffi')) {
    echo "skipped: this php has no FFI extension\n";
    exit(77);
}
[, $header, $libdir] = $argv;
$kare = FFI::cdef(file_get_contents($header), "libkare.so.1");
printf("kare %s, ABI %d, KARE_ERROR_CONFLICT %d\n", $kare->kare_version_string(), $kare->kare_abi_version(),
    $kare->KARE_ERROR_CONFLICT);

$loaded = array_filter(file('/proc/self/maps'), fn ($line) => str_contains($line, 'libkare.so'));
$installed = realpath($libdir) . '/';
foreach ($loaded as $line) {
    if (!str_contains($line, $installed)) {
        echo "FAILED: a libkare from outside $installed was loaded: $line";
        exit(1);
    }
}
if ($loaded === []) {
    echo "FAILED: no libkare.so in the process\n";
    exit(1);
}
if ($kare->kare_abi_version() !== 1 || $kare->KARE_ERROR_CONFLICT !== -5) {
    echo "FAILED: unexpected values\n";
    exit(1);
}
echo "the installed kare_ffi.h and libkare.so.1 work as they are\n";
