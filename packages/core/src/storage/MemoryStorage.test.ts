import { describeStorageConformance } from '../testing/storageConformance';
import { MemoryStorage } from './MemoryStorage';

describeStorageConformance({ make: () => Promise.resolve(new MemoryStorage()) });
