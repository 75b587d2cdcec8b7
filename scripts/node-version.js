// Hardhat 3 needs Node.js >= 22.13. `npm install` runs this as its preinstall script (npm runs it once the packages
// are unpacked; under an old Node it fails the install with one line, and `./gc npm install` then completes the
// packages that the old Node skipped), and `./gc` asks it whether the machine's Node will do. Plain JavaScript that
// any Node parses.
var MINIMUM = [22, 13];
var parts = process.versions.node.split(".").map(Number);
var ok = parts[0] > MINIMUM[0] || (parts[0] === MINIMUM[0] && parts[1] >= MINIMUM[1]);
if (!ok && process.argv.indexOf("--quiet") === -1) {
  console.error(
    "gc-governance needs Node.js >= " +
      MINIMUM.join(".") +
      " (this is " +
      process.versions.node +
      "): " +
      "run ./gc npm install instead, which takes Node 22 from npm (see README, Quick start).",
  );
}
process.exitCode = ok ? 0 : 1;
