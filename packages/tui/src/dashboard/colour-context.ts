import { createContext } from 'react';

/**
 * Whether the dashboard draws in colour (FORCE_COLOR, NO_COLOR, the terminal). Components that can draw the
 * same thing faster with colour than with glyphs read it, so that without colour nothing goes invisible.
 */
export const ColourContext = createContext(true);
