import { describeZdt1StudyOverhead } from '../internal/testing/describeZdt1StudyOverhead';
import { smsemoaDescriptor } from './smsemoaModule';

// Population 50 (the default).
describeZdt1StudyOverhead(smsemoaDescriptor, '<= (none set; reported)');
