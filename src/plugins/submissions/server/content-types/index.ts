import stakeholderUpload from './stakeholder-upload/schema.json';

export default { 'stakeholder-upload': { schema: stakeholderUpload } };
