<?php

declare(strict_types=1);

namespace Kare;

/** A deal's honesty state (the KARE_HONESTY_ values of kare.h; frozen). */
final class Honesty
{
    public const DEAD = 0;
    public const UNQUALIFIED = 1;
    public const STALLED = 2;
    public const QUALIFIED = 3;
    /** Won or lost: out of the pipeline. */
    public const CLOSED = 4;

    public const NAMES = ['dead', 'unqualified', 'stalled', 'qualified', 'closed'];
}
