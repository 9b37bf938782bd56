<?php

declare(strict_types=1);

namespace Kare;

/** Where an account stands (the KARE_PLACEMENT_ values of kare.h; frozen). */
final class Placement
{
    public const KEEP = 0;
    public const ATTAIN = 1;
    public const RECAPTURE = 2;
    public const EXPAND = 3;
    public const FIRED = 4;
    public const UNASSIGNED = 5;
    /** No decision taken: only for Plan::move(), never a result. */
    public const OPEN = 6;

    public const NAMES = ['keep', 'attain', 'recapture', 'expand', 'fired', 'unassigned', 'open'];

    /** The code for a name such as "expand". */
    public static function fromName(string $name): int
    {
        $code = array_search($name, self::NAMES, true);
        if ($code === false) {
            throw new \InvalidArgumentException("'$name' is not a placement");
        }
        return $code;
    }
}
