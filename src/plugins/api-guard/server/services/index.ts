import caller from './caller';
import models from './models';

export default { caller, models };
