// The hand-written reference for start-up: a forked child that answers each message with itself.
process.on('message', (message) => process.send(message));
