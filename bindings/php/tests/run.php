<?php

/*
 * php.binding: the PHP classes against libkare, each result checked.
 * Run: php tests/run.php PLAN.json [KARE_TOOL]
 * With the kare tool named, the report, pipeline and map must be the tool's
 * bytes. KARE_FFI_HEADER and KARE_LIBRARY name the files under test.
 */

declare(strict_types=1);

require __DIR__ . '/../src/autoload.php';

use Kare\Honesty;
use Kare\KareException;
use Kare\Library;
use Kare\Placement;
use Kare\Plan;
use Kare\Status;

if (!extension_loaded('ffi')) {
    echo "skipped: this php has no FFI extension\n";
    exit(77);
}
$example = $argv[1] ?? exit("usage: php run.php PLAN.json [KARE_TOOL]\n");
$tool = $argv[2] ?? null;
const AS_OF = '2026-11-23';

$passed = 0;
$failed = 0;

function test(string $name, callable $body): void
{
    global $passed, $failed;
    try {
        $body();
        ++$passed;
    } catch (\Throwable $e) {
        ++$failed;
        printf("FAILED %s: %s (%s:%d)\n", $name, $e->getMessage(), basename($e->getFile()), $e->getLine());
    }
}

function same(mixed $expected, mixed $actual, string $what = ''): void
{
    if ($expected !== $actual) {
        throw new \Exception(sprintf('%s expected %s, got %s', $what, var_export($expected, true), var_export($actual, true)));
    }
}

/** Runs $call, which must throw a KareException with that status (and path). */
function refused(int $status, callable $call, ?string $path = null): KareException
{
    try {
        $call();
    } catch (KareException $e) {
        same($status, $e->getStatus(), 'status');
        if ($path !== null) {
            same($path, $e->getPath(), 'path');
        }
        return $e;
    }
    throw new \Exception("no exception, expected status $status");
}

function tool(?string $tool, string ...$args): ?string
{
    if ($tool === null) {
        return null;
    }
    $output = shell_exec(escapeshellarg($tool) . ' ' . implode(' ', array_map('escapeshellarg', $args)));
    return is_string($output) ? $output : throw new \Exception("the kare tool failed: $tool");
}

function account(string $id, array $attributes, string $relationship = 'prospect'): array
{
    return ['id' => $id, 'name' => "Account $id", 'owner' => 'leo', 'relationship' => $relationship,
            'products' => [], 'attributes' => $attributes];
}

$kare = Library::load();
$plan = Plan::fromFile($kare, $example);

test('the FFI header and the PHP constants agree', function () use ($kare) {
    foreach ((new \ReflectionClass(Status::class))->getConstants() as $name => $value) {
        same($value, $kare->ffi->{$name === 'OK' ? 'KARE_OK' : "KARE_ERROR_$name"}, $name);
    }
    foreach (['KEEP', 'ATTAIN', 'RECAPTURE', 'EXPAND', 'FIRED', 'UNASSIGNED', 'OPEN'] as $name) {
        same(constant(Placement::class . "::$name"), $kare->ffi->{"KARE_PLACEMENT_$name"}, $name);
        same(strtolower($name), $kare->ffi->kare_placement_str(constant(Placement::class . "::$name")));
    }
    foreach (Honesty::NAMES as $value => $name) {
        same($value, $kare->ffi->{'KARE_HONESTY_' . strtoupper($name)}, $name);
    }
    same(Library::ABI_VERSION, $kare->ffi->kare_abi_version());
    same(1, preg_match('/^\d+\.\d+\.\d+$/', $kare->version()));
});

test('a plan loads from a file and from text', function () use ($kare, $plan, $example) {
    same(26, $plan->accountCount());
    same(15, $plan->dealCount());
    same(26, Plan::fromJson($kare, file_get_contents($example))->accountCount());
    same(0, Plan::fromJson($kare, ['format' => 'kare-plan', 'version' => 1])->accountCount());
});

test('a plan that cannot be read says why and where', function () use ($kare) {
    $e = refused(Status::PARSE, fn () => Plan::fromJson($kare, '{"format": "kare-plan",'));
    same('parse_error', $e->getStatusName());
    refused(Status::IO, fn () => Plan::fromFile($kare, '/nonexistent/plan.json'));
    refused(Status::UNSUPPORTED_VERSION, fn () => Plan::fromJson($kare, ['format' => 'kare-plan', 'version' => 99]));
});

test('accounts are added, updated and removed as CRM records change', function () use ($kare, $example) {
    $plan = Plan::fromFile($kare, $example);
    same(Placement::UNASSIGNED, $plan->placement('EVR-005'));
    $record = account('ORB-027', ['growth_potential' => 'medium', 'risk' => 'low']);
    $plan->addAccount($record);
    same(Placement::ATTAIN, $plan->placement('ORB-027'));
    same(27, $plan->accountCount());
    $record['attributes'] = ['growth_potential' => 'low', 'risk' => 'high'];
    $plan->replaceAccount(json_encode($record));
    same(Placement::UNASSIGNED, $plan->placement('ORB-027'));
    refused(Status::CONFLICT, fn () => $plan->addAccount($record));
    $plan->removeAccount('ORB-027');
    same(26, $plan->accountCount());
    refused(Status::NOT_FOUND, fn () => $plan->removeAccount('ORB-027'));
    refused(Status::NOT_FOUND, fn () => $plan->placement('ORB-027'));
});

test('a refused record names the place and changes nothing', function () use ($kare, $example) {
    $plan = Plan::fromFile($kare, $example);
    $before = $plan->toJson();
    $e = refused(Status::INVALID_PLAN, fn () => $plan->addAccount(account('BAD-1', ['seats' => 'many'])),
        'accounts[26].attributes.seats');
    same('invalid_plan', $e->getStatusName());
    same(true, str_contains($e->getMessage(), 'accounts[26].attributes.seats'));
    refused(Status::INVALID_PLAN, fn () => $plan->replaceAccount(account('EVR-005', ['risk' => 'unknown'])),
        'accounts[4].attributes.risk');
    same($before, $plan->toJson());
});

test('decisions: assign, a refused second category, move, fire', function () use ($kare, $example) {
    $plan = Plan::fromFile($kare, $example);
    $plan->assign('EVR-005', Placement::EXPAND, AS_OF, 'Group-wide rollout agreed');
    same(Placement::EXPAND, $plan->placement('EVR-005'));
    $e = refused(Status::CONFLICT, fn () => $plan->assign('EVR-005', Placement::KEEP, '2026-11-24'));
    same('conflict', $e->getStatusName());
    same(Placement::EXPAND, $plan->placement('EVR-005'));
    refused(Status::INVALID_ARGUMENT, fn () => $plan->assign('EVR-005', Placement::KEEP, '2026-02-30'));
    $plan->move('EVR-005', Placement::KEEP, new \DateTimeImmutable('2026-11-24'), 'Rollout postponed');
    same(Placement::KEEP, $plan->placement('EVR-005'));
    $plan->fire('ACME-001', AS_OF, 'Costs more than it brings', 'end_relationship');
    same(Placement::FIRED, $plan->placement('ACME-001'));
    refused(Status::NOT_FOUND, fn () => $plan->fire('NOPE-1', AS_OF, 'r', 'end_relationship'));
    $decided = json_decode($plan->toJson(), true);
    $evergreen = array_values(array_filter($decided['accounts'], fn ($a) => $a['id'] === 'EVR-005'))[0];
    same(true, str_contains(json_encode($evergreen), 'Rollout postponed'));
});

test('the report: counts, findings and the document', function () use ($kare, $example, $tool) {
    $plan = Plan::fromFile($kare, $example);
    $report = $plan->report(AS_OF);
    $document = $report->toArray();
    same('kare-report', $document['format']);
    $total = 0;
    foreach ([Placement::KEEP, Placement::ATTAIN, Placement::RECAPTURE, Placement::EXPAND, Placement::FIRED,
              Placement::UNASSIGNED] as $placement) {
        same($document['summary'][Placement::NAMES[$placement]], $report->count($placement));
        $total += $report->count($placement);
    }
    same(26, $total);
    same(array_column($document['findings'], 'code'), $report->findingCodes());
    same(true, in_array('account.unassigned', $report->findingCodes(), true));
    refused(Status::INVALID_ARGUMENT, fn () => $report->count(Placement::OPEN));
    $expected = tool($tool, 'report', $example, '--as-of', AS_OF, '--json');
    if ($expected !== null) {
        same($expected, $report->toJson(), 'the report as the tool writes it');
    }
    same(6, $plan->report(AS_OF, 'maya')->count(Placement::KEEP) + $plan->report(AS_OF, 'leo')->count(Placement::KEEP));
    refused(Status::NOT_FOUND, fn () => $plan->report(AS_OF, 'nobody'));
});

test('a report outlives its plan; a closed plan refuses calls', function () use ($kare, $example) {
    $plan = Plan::fromFile($kare, $example);
    $report = $plan->report(AS_OF);
    $plan->close();
    same(4, $report->count(Placement::ATTAIN));
    try {
        $plan->accountCount();
        throw new \Exception('a closed plan answered');
    } catch (\LogicException $e) {
        same('the plan is closed', $e->getMessage());
    }
    $plan->close();
});

test('the pipeline, honestly', function () use ($plan, $example, $tool) {
    $pipeline = $plan->pipeline(AS_OF);
    same('kare-pipeline', $pipeline['format']);
    same(12, $pipeline['summary']['open_deals']);
    same('1241000.00', $pipeline['summary']['total']);
    same('445000.00', $pipeline['summary']['honest_total']);
    same('0.6414', $pipeline['summary']['bloat_ratio']['value']);
    same(Honesty::QUALIFIED, $plan->dealState('D-101', AS_OF));
    $expected = tool($tool, 'pipeline', $example, '--as-of', AS_OF, '--json');
    if ($expected !== null) {
        same(json_decode($expected, true), $pipeline, 'the pipeline as the tool writes it');
    }
    same('maya', $plan->pipeline(AS_OF, 'maya')['rep']);
    refused(Status::INVALID_ARGUMENT, fn () => $plan->pipeline('23/11/2026'));
});

test('the map is the tool\'s SVG', function () use ($plan, $example, $tool) {
    $svg = $plan->mapSvg(AS_OF);
    same(true, str_starts_with($svg, '<?xml'));
    same(true, str_contains($svg, '<svg'));
    same(true, str_contains($svg, 'Evergreen Retail'));
    same(true, str_ends_with(rtrim($svg), '</svg>'));
    $expected = tool($tool, 'map', $example, '--as-of', AS_OF);
    if ($expected !== null) {
        same($expected, $svg, 'the map as the tool draws it');
    }
    same(true, str_contains($plan->reviewHtml(AS_OF), '<svg'));
    same('kare-progress', $plan->progress(AS_OF, null, 2)['format']);
});

test('batch classification, bad rows failing the call or answered in place', function () use ($plan) {
    $rows = [
        account('T-1', ['growth_potential' => 'high', 'risk' => 'low']),
        account('T-2', ['growth_potential' => 'medium'], 'former_client'),
        account('T-3', ['risk' => 'unknown']),
    ];
    $results = $plan->classify($rows, threads: 2, skipInvalid: true);
    same(3, count($results));
    same(['T-1', 'attain'], [$results[0]['id'], $results[0]['placement']]);
    same(['T-2', 'recapture'], [$results[1]['id'], $results[1]['placement']]);
    same(3, $results[2]['line']);
    same('attributes.risk', $results[2]['error']['path']);
    refused(Status::INVALID_PLAN, fn () => $plan->classify($rows), 'line 3: attributes.risk');
    $jsonl = $plan->classifyJsonl(json_encode($rows[0]) . "\r\n\n" . json_encode($rows[1]) . "\n");
    same(2, substr_count($jsonl, "\n"));
    same([], $plan->classify([]));
    same(26, $plan->accountCount(), 'accounts in the plan after a batch');
});

test('the library\'s finding codes', function () use ($kare) {
    $codes = $kare->findingCodes();
    same('kare-finding-codes', $codes['format']);
    same(true, in_array('account.ambiguous', array_column($codes['codes'], 'code'), true));
});

test('a missing header is named', function () {
    try {
        Library::load('/nonexistent/kare_ffi.h');
        throw new \Exception('loaded without a header');
    } catch (\RuntimeException $e) {
        same(true, str_contains($e->getMessage(), '/nonexistent/kare_ffi.h'));
    }
});

printf("%d passed, %d failed\n", $passed, $failed);
exit($failed === 0 ? 0 : 1);
