// A Stream base class for modules that subclass it when they load. It streams nothing.
function Stream() {}

Stream.prototype.pipe = function pipe() {
  throw new Error('stream is not available in this browser bundle: it has only a stub.');
};
Stream.Stream = Stream;

module.exports = Stream;
