'use strict';
// node.koffi: installs the binding's dependencies (koffi, as package.json pins
// it) from the npm registry into the build tree, once. Exits 77 (skipped)
// when npm or the registry cannot be reached: the node.* tests then skip too.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const [packageJson, directory] = process.argv.slice(2);
const wanted = JSON.parse(fs.readFileSync(packageJson, 'utf8')).dependencies.koffi;
const installed = path.join(directory, 'node_modules', 'koffi', 'package.json');
if (fs.existsSync(installed) && JSON.parse(fs.readFileSync(installed, 'utf8')).version === wanted) {
  console.log(`koffi ${wanted} already installed in ${directory}`);
  process.exit(0);
}
fs.mkdirSync(directory, { recursive: true });
fs.copyFileSync(packageJson, path.join(directory, 'package.json'));
// koffi ships its compiled modules: no install script needs to run.
const npm = spawnSync('npm', ['install', '--prefix', directory, '--no-audit', '--no-fund', '--ignore-scripts'],
  { stdio: 'inherit', timeout: 240000 });
if (npm.status !== 0) {
  console.log(`skipped: npm could not install koffi ${wanted} (${npm.error ? npm.error.message : `exit ${npm.status}`})`);
  process.exit(77);
}
console.log(`koffi ${wanted} installed in ${directory}`);
