<?php

declare(strict_types=1);

namespace Kare;

/**
 * A call kare refused: the status code, its stable name, the library's
 * message and the document path the error concerns ("accounts[3].owner"),
 * or "" when it concerns no place. The plan is exactly as it was before.
 */
class KareException extends \RuntimeException
{
    public function __construct(
        private readonly int $status,
        private readonly string $statusName,
        private readonly string $kareMessage,
        private readonly string $path,
    ) {
        parent::__construct(
            $path === '' ? "$kareMessage ($statusName)" : "$kareMessage ($statusName at $path)",
            -$status,
        );
    }

    /** Copies the calling thread's error record before any other kare call replaces it. */
    public static function fromLastError(\FFI $ffi, int $status): self
    {
        return new self($status, $ffi->kare_status_str($status), $ffi->kare_error_message(),
            $ffi->kare_error_path());
    }

    /** The KARE_ERROR_ code, e.g. Status::CONFLICT (-5). */
    public function getStatus(): int
    {
        return $this->status;
    }

    /** The code's stable name, e.g. "conflict". */
    public function getStatusName(): string
    {
        return $this->statusName;
    }

    /** Where in the document the problem is, e.g. "accounts[26].attributes.risk"; "" for none. */
    public function getPath(): string
    {
        return $this->path;
    }

    /** The library's sentence, without the path. */
    public function getKareMessage(): string
    {
        return $this->kareMessage;
    }
}
