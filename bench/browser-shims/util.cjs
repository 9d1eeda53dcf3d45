// The parts of Node's util module that form-data, combined-stream and delayed-stream call.
exports.inherits = function inherits(subclass, superclass) {
  Object.setPrototypeOf(subclass.prototype, superclass.prototype);
  Object.setPrototypeOf(subclass, superclass);
};

exports.deprecate = function deprecate(callback) {
  return callback;
};

exports.inspect = function inspect(value) {
  return String(value);
};
