// Nothing: the empty process the engine-overhead probe sets an engine process against.
