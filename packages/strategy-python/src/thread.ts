/** python-thread: units are threads in one Python process (threading.Thread). */
import { pythonStrategy } from './python-strategy.js';

export default pythonStrategy('thread');
