<?php

declare(strict_types=1);

namespace Kare;

/**
 * libkare loaded through PHP's FFI from the plain declarations of kare_ffi.h.
 *
 * One Library per process is enough: it holds no state but the FFI object.
 * Every string the library hands out is copied into a PHP string and freed
 * with kare_string_free() before the call returns; plans and reports are
 * freed by their objects (close() or the destructor).
 */
final class Library
{
    /** The SONAME's number this binding was written for (libkare.so.1). */
    public const ABI_VERSION = 1;

    /** Where an installed kare_ffi.h is looked for when none is named. */
    public const HEADER_CANDIDATES = ['/usr/local/include/kare/kare_ffi.h', '/usr/include/kare/kare_ffi.h'];

    public readonly \FFI $ffi;

    /**
     * Wraps an FFI object made from kare_ffi.h, e.g. FFI::scope("KARE") after
     * preloading (see docs/embedding.md).
     */
    public function __construct(\FFI $ffi)
    {
        $abi = $ffi->kare_abi_version();
        if ($abi !== self::ABI_VERSION) {
            throw new \RuntimeException("libkare has ABI version $abi, this binding needs " . self::ABI_VERSION);
        }
        $this->ffi = $ffi;
    }

    /**
     * Loads libkare. The header is the one named, else $KARE_FFI_HEADER, else
     * an installed kare_ffi.h; the library is the one named, else
     * $KARE_LIBRARY, else "libkare.so.1" from the system's search path.
     */
    public static function load(?string $header = null, ?string $library = null): self
    {
        $header ??= self::environment('KARE_FFI_HEADER') ?? self::installedHeader();
        $library ??= self::environment('KARE_LIBRARY') ?? 'libkare.so.' . self::ABI_VERSION;
        $declarations = @file_get_contents($header);
        if ($declarations === false) {
            throw new \RuntimeException("cannot read kare's FFI declarations from $header");
        }
        return new self(\FFI::cdef($declarations, $library));
    }

    /** The library's version, e.g. "0.1.0". */
    public function version(): string
    {
        return $this->ffi->kare_version_string();
    }

    /** Every finding code kare can raise, as the decoded kare-finding-codes document. */
    public function findingCodes(): array
    {
        return self::decode($this->takeString(fn ($out, $len) => $this->ffi->kare_finding_codes_json($out, $len)));
    }

    /** Throws the calling thread's last error when a call did not return KARE_OK. */
    public function check(int $status): void
    {
        if ($status !== Status::OK) {
            throw KareException::fromLastError($this->ffi, $status);
        }
    }

    /**
     * Runs a call that hands out a string through (char **out, size_t *out_len),
     * copies the string and frees the library's copy, also when copying fails.
     *
     * @param \Closure(\FFI\CData, \FFI\CData): int $call
     */
    public function takeString(\Closure $call): string
    {
        $out = $this->ffi->new('char *');
        $length = $this->ffi->new('size_t');
        $status = $call(\FFI::addr($out), \FFI::addr($length));
        try {
            $this->check($status);
            return \FFI::string($out, $length->cdata);
        } finally {
            $this->ffi->kare_string_free($out);
        }
    }

    /** @internal A date as kare reads it. */
    public static function date(string|\DateTimeInterface $date): string
    {
        return $date instanceof \DateTimeInterface ? $date->format('Y-m-d') : $date;
    }

    /** @internal JSON text for a document given as an array or as text. */
    public static function encode(array|string $document): string
    {
        return is_string($document)
            ? $document
            : json_encode($document, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }

    /** @internal A document kare wrote, as arrays. */
    public static function decode(string $json): array
    {
        return json_decode($json, true, 4096, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
    }

    private static function environment(string $name): ?string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? null : $value;
    }

    private static function installedHeader(): string
    {
        foreach (self::HEADER_CANDIDATES as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        throw new \RuntimeException('kare_ffi.h not found: name it, or set KARE_FFI_HEADER');
    }
}
