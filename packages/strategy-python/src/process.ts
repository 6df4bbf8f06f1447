/** python-process: each unit its own Python process (multiprocessing.Process). */
import { pythonStrategy } from './python-strategy.js';

export default pythonStrategy('process');
