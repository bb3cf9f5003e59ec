import { describeZdt1StudyOverhead } from '../internal/testing/describeZdt1StudyOverhead';
import { nsga2Descriptor } from './nsga2Module';

// Population 50 (the default).
describeZdt1StudyOverhead(nsga2Descriptor, '<= 50 us per trial');
