import document from './document';
import generator from './generator';

export default { document, generator };
