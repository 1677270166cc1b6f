import layouts from './layouts';

export default { layouts };
