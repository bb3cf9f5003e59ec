/**
 * The CLI's fuzz suite (fast-check, fixed seed: see fuzzParams in @jahskit/core/testing): every parser
 * a user reaches, fed arbitrary and adversarial input through `runCli`, in-process. Failures must exit
 * 1 or 2 with exactly one readable line on stderr, raised as a typed error, in bounded time, touching
 * no file outside the output folder (expectCleanOutcome, Sandbox in fuzzFixtures.ts).
 *
 * One test file for all the parts: each loads the whole CLI with every plugin, which vitest, isolating
 * test files, would do again for each (seconds apiece on a 2-core machine). One part alone:
 *   npx vitest run packages/cli/src/fuzz -t "jahskit eval over arbitrary lines"
 * Deeper: JAHSKIT_FUZZ_RUNS=20 (runs x20), JAHSKIT_FUZZ_SEED=<n> (other cases).
 */
import './flags.fuzz';
import './options.fuzz';
import './eval.fuzz';
import './points.fuzz';
import './study.fuzz';
import './restore.fuzz';
import './surrogate.fuzz';
import './pickles.fuzz';
import './runFile.fuzz';
