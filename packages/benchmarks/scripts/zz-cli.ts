import 'reflect-metadata';
import { runCli } from '../../cli/src/runCli';
import { nodeIo } from '../../cli/src/nodeIo';
import { nb201Module } from '../src/nb201/nb201Module';
import { nashpobench2Module } from '../src/nashpobench2/nashpobench2Module';
import { syntheticModule } from '../src/synthetic/syntheticModule';
process.exitCode = await runCli(process.argv.slice(2), nodeIo(), { modules: [syntheticModule, nb201Module, nashpobench2Module] });
