<?php

/*
 * php.docs: the PHP snippets of docs/embedding.md run as written, each in a
 * fresh php beside a copy of the example plan (plan.json), and print what
 * their comments say: an `echo` line's trailing `// text` is its output.
 * Only the installed paths are replaced by the files under test.
 * Run: php check_docs.php EMBEDDING.md PLAN.json SOURCE_DIR WORK_DIR
 */

declare(strict_types=1);

[, $guide, $example, $source, $work] = $argv;
$header = getenv('KARE_FFI_HEADER');
$library = getenv('KARE_LIBRARY');
preg_match_all('/^```php\n(.*?)^```$/ms', file_get_contents($guide), $blocks);
if (count($blocks[1]) < 2) {
    echo "FAILED: expected PHP snippets in $guide, found ", count($blocks[1]), "\n";
    exit(1);
}
@mkdir($work, 0777, true);
copy($example, "$work/plan.json");

$failed = 0;
foreach ($blocks[1] as $number => $code) {
    $expected = [];
    foreach (explode("\n", $code) as $line) {
        if (str_contains($line, 'echo ') && preg_match('#;\s*// (.+)$#', $line, $m)) {
            $expected[] = $m[1];
        }
    }
    $code = strtr($code, [
        "'/usr/include/kare/kare_ffi.h'" => var_export($header, true),
        "'libkare.so.1'" => var_export($library, true),
        "'bindings/php/src/autoload.php'" => var_export("$source/bindings/php/src/autoload.php", true),
    ]);
    $script = "$work/snippet$number.php";
    file_put_contents($script, "<?php\n$code");
    $php = implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-n', '-d', 'extension=ffi', '-d', 'ffi.enable=1', $script]));
    exec('cd ' . escapeshellarg($work) . " && $php 2>&1", $output, $status);
    if ($status !== 0 || $output !== $expected) {
        ++$failed;
        printf("FAILED: snippet %d of %s (exit %d)\nexpected:\n  %s\ngot:\n  %s\n", $number + 1, basename($guide),
            $status, implode("\n  ", $expected), implode("\n  ", $output));
    }
    $output = [];
}
printf("%d passed, %d failed\n", count($blocks[1]) - $failed, $failed);
exit($failed === 0 ? 0 : 1);
