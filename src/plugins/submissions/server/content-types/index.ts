import review from './review/schema.json';
import stakeholderUpload from './stakeholder-upload/schema.json';

export default { review: { schema: review }, 'stakeholder-upload': { schema: stakeholderUpload } };
