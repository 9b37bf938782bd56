<?php

/*
 * What a PHP CRM does with kare: load the team's plan, keep its accounts in
 * step with the CRM's records, record decisions, show the review, the
 * pipeline and the map, classify a whole table of records, and report a
 * refused record with the place in it that is wrong.
 *
 * Run: php examples/crm.php PLAN.json [MAP.svg]
 * (KARE_FFI_HEADER and KARE_LIBRARY name kare_ffi.h and libkare.so.1 when
 * they are not installed where the system looks.)
 */

declare(strict_types=1);

require __DIR__ . '/../src/autoload.php';

use Kare\KareException;
use Kare\Library;
use Kare\Placement;
use Kare\Plan;

if ($argc < 2) {
    fwrite(STDERR, "usage: php crm.php PLAN.json [MAP.svg]\n");
    exit(2);
}
$today = '2026-11-23';
$kare = Library::load();
printf("kare %s\n", $kare->version());

$plan = Plan::fromFile($kare, $argv[1]);
printf("%d accounts\n", $plan->accountCount());

// A record created in the CRM, then edited there.
$prospect = [
    'id' => 'ORB-027',
    'name' => 'Orbit Freight',
    'owner' => 'leo',
    'relationship' => 'prospect',
    'products' => [],
    'attributes' => ['growth_potential' => 'medium', 'risk' => 'low', 'industry' => 'logistics', 'seats' => 80],
];
$plan->addAccount($prospect);
printf("ORB-027 added: %s\n", Placement::NAMES[$plan->placement('ORB-027')]);
$prospect['attributes']['risk'] = 'high';
$prospect['attributes']['growth_potential'] = 'low';
$plan->replaceAccount($prospect);
printf("ORB-027 updated: %s\n", Placement::NAMES[$plan->placement('ORB-027')]);

// Decisions, dated and explained; a refusal changes nothing.
$plan->assign('EVR-005', Placement::EXPAND, $today, 'Group-wide rollout agreed');
try {
    $plan->assign('EVR-005', Placement::KEEP, $today);
} catch (KareException $e) {
    printf("refused: %s\n", $e->getStatusName());
}
$plan->move('EVR-005', Placement::KEEP, $today, 'Rollout postponed to next year');
$plan->fire('ORB-027', $today, 'Not our business', 'disqualify');
printf("EVR-005 is %s, ORB-027 is %s\n", Placement::NAMES[$plan->placement('EVR-005')],
    Placement::NAMES[$plan->placement('ORB-027')]);

// The review: counts, findings, and the whole document when a screen needs it.
$report = $plan->report($today);
foreach ([Placement::KEEP, Placement::ATTAIN, Placement::RECAPTURE, Placement::EXPAND,
          Placement::FIRED, Placement::UNASSIGNED] as $placement) {
    printf("%-10s %d\n", Placement::NAMES[$placement], $report->count($placement));
}
$codes = array_count_values($report->findingCodes());
ksort($codes);
foreach ($codes as $code => $n) {
    printf("finding %s x%d\n", $code, $n);
}

$pipeline = $plan->pipeline($today)['summary'];
printf("pipeline: %d open deals, total %s, honest %s, bloat %s\n", $pipeline['open_deals'],
    $pipeline['total'], $pipeline['honest_total'], $pipeline['bloat_ratio']['value']);

$svg = $plan->mapSvg($today);
if (isset($argv[2])) {
    file_put_contents($argv[2], $svg);
}
printf("map: %d bytes of SVG\n", strlen($svg));

// A whole CRM table classified in one call, bad rows answered in place.
$rows = [
    ['id' => 'T-1', 'name' => 'Row one', 'owner' => 'anyone', 'relationship' => 'client', 'products' => [],
     'attributes' => ['growth_potential' => 'high', 'profitability' => 'high', 'risk' => 'low',
                      'repeat_purchases' => false, 'seats' => 500]],
    ['id' => 'T-2', 'name' => 'Row two', 'owner' => 'anyone', 'relationship' => 'former_client', 'products' => [],
     'attributes' => ['growth_potential' => 'medium']],
    ['id' => 'T-3', 'name' => 'Row three', 'owner' => 'anyone', 'relationship' => 'client', 'products' => [],
     'attributes' => ['risk' => 'unknown']],
];
foreach ($plan->classify($rows, threads: 2, skipInvalid: true) as $result) {
    if (isset($result['error'])) {
        printf("row %d refused at %s\n", $result['line'], $result['error']['path']);
    } else {
        printf("%s: %s\n", $result['id'], $result['placement']);
    }
}

// A record kare refuses: the exception names the place.
try {
    $plan->addAccount(['id' => 'BAD-1', 'name' => 'Bad', 'owner' => 'maya', 'relationship' => 'client',
                       'products' => [], 'attributes' => ['seats' => 'many']]);
} catch (KareException $e) {
    printf("refused %s at %s: %s\n", $e->getStatusName(), $e->getPath(), $e->getKareMessage());
}
printf("%d accounts\n", $plan->accountCount());
