import { Box, type DOMElement, measureElement } from 'ink';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A window `height` lines tall onto taller content, scrolled down by `offset` lines. A frame taller than the
 * terminal makes ink clear the screen on every render, so long results scroll here instead.
 */
export function ScrollView({
  height,
  offset,
  onMeasure,
  children,
}: {
  readonly height: number;
  readonly offset: number;
  /** Told the content's full height after each render, to bound scrolling. */
  readonly onMeasure: (contentHeight: number) => void;
  readonly children: ReactNode;
}) {
  const content = useRef<DOMElement>(null);
  useEffect(() => {
    if (content.current) onMeasure(measureElement(content.current).height);
  });
  return (
    <Box height={height} overflowY="hidden" flexDirection="column" flexShrink={0}>
      <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-offset}>
        {children}
      </Box>
    </Box>
  );
}
