// inversify reads decorator metadata through this polyfill; it is loaded once, here, at the entry point.
import 'reflect-metadata';
import { nodeIo } from './nodeIo';
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
