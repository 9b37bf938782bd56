<?php

declare(strict_types=1);

namespace Kare;

/** The status codes of kare.h; values are frozen, new ones are appended. */
final class Status
{
    public const OK = 0;
    public const INVALID_ARGUMENT = -1;
    public const PARSE = -2;
    public const INVALID_PLAN = -3;
    public const NOT_FOUND = -4;
    public const CONFLICT = -5;
    public const LIMIT = -6;
    public const UNSUPPORTED_VERSION = -7;
    public const IO = -8;
    public const NO_MEMORY = -9;
    public const INTERNAL = -10;
}
