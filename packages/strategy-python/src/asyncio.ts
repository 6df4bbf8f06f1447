/** python-asyncio: units are coroutines on one Python event loop (asyncio). */
import { pythonStrategy } from './python-strategy.js';

export default pythonStrategy('asyncio');
