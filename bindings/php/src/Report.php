<?php

declare(strict_types=1);

namespace Kare;

/**
 * An immutable report on a plan as of a date. Independent of its plan (it
 * outlives it); freed by close() or when the object dies.
 */
final class Report
{
    private ?\FFI\CData $handle;

    private function __construct(private readonly Library $kare, \FFI\CData $handle)
    {
        $this->handle = $handle;
    }

    /** @internal Plan::report() makes reports. */
    public static function make(Library $kare, \FFI\CData $plan, string $asOf, ?string $rep): self
    {
        $out = $kare->ffi->new('kare_report *');
        $kare->check($kare->ffi->kare_report_new(\FFI::addr($out), $plan, $asOf, $rep));
        return new self($kare, $out);
    }

    public function close(): void
    {
        if ($this->handle !== null) {
            $this->kare->ffi->kare_report_free($this->handle);
            $this->handle = null;
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** How many accounts the report places at a Placement (not OPEN). */
    public function count(int $placement): int
    {
        $out = $this->kare->ffi->new('size_t');
        $this->kare->check($this->kare->ffi->kare_report_count(\FFI::addr($out), $this->handle(), $placement));
        return $out->cdata;
    }

    /** The stable codes of the findings, e.g. "account.ambiguous", in report order. */
    public function findingCodes(): array
    {
        $count = $this->kare->ffi->new('size_t');
        $this->kare->check($this->kare->ffi->kare_report_finding_count(\FFI::addr($count), $this->handle()));
        $code = $this->kare->ffi->new('const char *');
        $codes = [];
        for ($i = 0; $i < $count->cdata; ++$i) {
            // Borrowed from the report: copied, never freed.
            $this->kare->check($this->kare->ffi->kare_report_finding_code(\FFI::addr($code), $this->handle(), $i));
            $codes[] = \FFI::string($code);
        }
        return $codes;
    }

    /** The report document as JSON text. */
    public function toJson(): string
    {
        return $this->kare->takeString(fn ($out, $len) => $this->kare->ffi->kare_report_to_json($out, $len, $this->handle()));
    }

    /** The report document, decoded. */
    public function toArray(): array
    {
        return Library::decode($this->toJson());
    }

    private function handle(): \FFI\CData
    {
        return $this->handle ?? throw new \LogicException('the report is closed');
    }
}
