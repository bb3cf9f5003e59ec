// inversify 8 reads decorator metadata through the Reflect polyfill: load it once per test worker.
import 'reflect-metadata';
