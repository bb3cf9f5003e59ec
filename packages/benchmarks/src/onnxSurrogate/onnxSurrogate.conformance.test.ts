import { describeBenchmarkConformance } from '@jahskit/core/testing';
import { packageDataPath } from '../internal/packageDataPath';
import { onnxSurrogateDescriptor } from './onnxSurrogateModule';

const benchmark = onnxSurrogateDescriptor.create({ intraOpNumThreads: 1 }, { env: { JAHSKIT_ONNX_SURROGATE_DIR: packageDataPath('nb301') } });

describeBenchmarkConformance({ name: 'onnx-surrogate (nb301 folder)', benchmark: () => benchmark });
