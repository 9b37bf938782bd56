<?php

declare(strict_types=1);

namespace Kare;

/**
 * A plan held by libkare. Every method maps to one call of kare.h; a refused
 * call throws KareException and leaves the plan as it was.
 *
 * The plan is freed by close() or when the object dies. Documents (accounts,
 * deals) are given as arrays or JSON text in the plan document's format;
 * documents kare writes come back decoded, pictures and pages as text.
 */
final class Plan
{
    private ?\FFI\CData $handle;

    private function __construct(private readonly Library $kare, \FFI\CData $handle)
    {
        $this->handle = $handle;
    }

    /** Reads a plan document. */
    public static function fromJson(Library $kare, array|string $document): self
    {
        $json = Library::encode($document);
        $out = $kare->ffi->new('kare_plan *');
        $kare->check($kare->ffi->kare_plan_load(\FFI::addr($out), $json, strlen($json)));
        return new self($kare, $out);
    }

    /** Reads a plan document from a file. */
    public static function fromFile(Library $kare, string $path): self
    {
        $out = $kare->ffi->new('kare_plan *');
        $kare->check($kare->ffi->kare_plan_load_file(\FFI::addr($out), $path));
        return new self($kare, $out);
    }

    /** Frees the plan; later calls throw. Reports made from it stay valid. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $this->kare->ffi->kare_plan_free($this->handle);
            $this->handle = null;
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** The plan document, canonical. */
    public function toJson(): string
    {
        return $this->kare->takeString(fn ($out, $len) => $this->kare->ffi->kare_plan_to_json($out, $len, $this->handle()));
    }

    /** Writes the plan document to a file: all of it or nothing. */
    public function save(string $path): void
    {
        $this->kare->check($this->kare->ffi->kare_plan_save_file($this->handle(), $path));
    }

    public function accountCount(): int
    {
        return $this->count('kare_plan_account_count');
    }

    public function dealCount(): int
    {
        return $this->count('kare_plan_deal_count');
    }

    /** Where an account stands now: a Placement constant (never OPEN). */
    public function placement(string $accountId): int
    {
        $out = $this->kare->ffi->new('int32_t');
        $this->kare->check($this->kare->ffi->kare_plan_account_placement(
            \FFI::addr($out), $this->handle(), $accountId, strlen($accountId)));
        return $out->cdata;
    }

    /** Adds an account given in the plan document's account format. */
    public function addAccount(array|string $account): void
    {
        $this->withDocument('kare_plan_add_account', $account);
    }

    /** Replaces the account with the same id (a CRM record that changed). */
    public function replaceAccount(array|string $account): void
    {
        $this->withDocument('kare_plan_replace_account', $account);
    }

    public function removeAccount(string $accountId): void
    {
        $this->kare->check($this->kare->ffi->kare_plan_remove_account($this->handle(), $accountId, strlen($accountId)));
    }

    /** Puts an open or unassigned account in a category (Placement::KEEP .. EXPAND). */
    public function assign(string $accountId, int $category, string|\DateTimeInterface $on, ?string $reason = null): void
    {
        $this->kare->check($this->kare->ffi->kare_plan_assign(
            $this->handle(), $accountId, $category, Library::date($on), $reason));
    }

    /** Moves an account deliberately, with a required reason; the move is recorded. */
    public function move(string $accountId, int $placement, string|\DateTimeInterface $on, string $reason): void
    {
        $this->kare->check($this->kare->ffi->kare_plan_move(
            $this->handle(), $accountId, $placement, Library::date($on), $reason));
    }

    /** Takes an account out of the plan with an out-of-plan action such as "end_relationship". */
    public function fire(string $accountId, string|\DateTimeInterface $on, string $reason, string $action): void
    {
        $this->kare->check($this->kare->ffi->kare_plan_fire(
            $this->handle(), $accountId, Library::date($on), $reason, $action));
    }

    /** Adds a deal given in the plan document's deal format (amounts as decimal strings). */
    public function addDeal(array|string $deal): void
    {
        $this->withDocument('kare_plan_add_deal', $deal);
    }

    /** A deal's honesty state as of a date: an Honesty constant. */
    public function dealState(string $dealId, string|\DateTimeInterface $asOf): int
    {
        $out = $this->kare->ffi->new('int32_t');
        $this->kare->check($this->kare->ffi->kare_plan_deal_state(
            \FFI::addr($out), $this->handle(), $dealId, strlen($dealId), Library::date($asOf)));
        return $out->cdata;
    }

    /** The review as of a date, for the team or one rep. */
    public function report(string|\DateTimeInterface $asOf, ?string $rep = null): Report
    {
        return Report::make($this->kare, $this->handle(), Library::date($asOf), $rep);
    }

    /** The pipeline document: total, honest total, bloat, states, hope deals. */
    public function pipeline(string|\DateTimeInterface $asOf, ?string $rep = null): array
    {
        return Library::decode($this->asOf('kare_plan_pipeline_json', $asOf, $rep));
    }

    /** The progress document: cookbook targets against logged activities. */
    public function progress(string|\DateTimeInterface $asOf, ?string $rep = null, int $trendPeriods = 0): array
    {
        return Library::decode($this->asOf('kare_plan_progress_json', $asOf, $rep, $trendPeriods));
    }

    /** The KARE map as a standalone SVG document. */
    public function mapSvg(string|\DateTimeInterface $asOf, ?string $rep = null): string
    {
        return $this->asOf('kare_plan_map_svg', $asOf, $rep);
    }

    /** The review as a self-contained HTML page. */
    public function reviewHtml(string|\DateTimeInterface $asOf, ?string $rep = null): string
    {
        return $this->asOf('kare_plan_review_html', $asOf, $rep);
    }

    /**
     * Classifies accounts that need not join the plan (a CRM's whole table),
     * one result per account in input order: id, placement, basis,
     * candidates, fire_suggestions, findings. With $skipInvalid a bad account
     * is answered by {"line", "error": {code, path, message}} instead of
     * failing the call.
     *
     * @param iterable<array|string> $accounts
     */
    public function classify(iterable $accounts, int $threads = 1, bool $skipInvalid = false): array
    {
        $lines = '';
        foreach ($accounts as $account) {
            $lines .= Library::encode($account) . "\n";
        }
        $results = [];
        foreach (explode("\n", $this->classifyJsonl($lines, $threads, $skipInvalid)) as $line) {
            if ($line !== '') {
                $results[] = Library::decode($line);
            }
        }
        return $results;
    }

    /** The same on JSON Lines text, answered as JSON Lines text. */
    public function classifyJsonl(string $jsonl, int $threads = 1, bool $skipInvalid = false): string
    {
        $flags = $skipInvalid ? $this->kare->ffi->KARE_JSONL_SKIP_INVALID : 0;
        return $this->kare->takeString(fn ($out, $len) => $this->kare->ffi->kare_plan_classify_jsonl(
            $out, $len, $this->handle(), $jsonl, strlen($jsonl), $threads, $flags));
    }

    private function handle(): \FFI\CData
    {
        return $this->handle ?? throw new \LogicException('the plan is closed');
    }

    private function count(string $function): int
    {
        $out = $this->kare->ffi->new('size_t');
        $this->kare->check($this->kare->ffi->$function(\FFI::addr($out), $this->handle()));
        return $out->cdata;
    }

    private function withDocument(string $function, array|string $document): void
    {
        $json = Library::encode($document);
        $this->kare->check($this->kare->ffi->$function($this->handle(), $json, strlen($json)));
    }

    private function asOf(string $function, string|\DateTimeInterface $asOf, ?string $rep, int ...$extra): string
    {
        $date = Library::date($asOf);
        return $this->kare->takeString(fn ($out, $len) => $this->kare->ffi->$function(
            $out, $len, $this->handle(), $date, $rep, ...$extra));
    }
}
