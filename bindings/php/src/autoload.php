<?php

// For programs without Composer: require this file, then use Kare\Library.
spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'Kare\\')) {
        $file = __DIR__ . '/' . substr($class, 5) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
