// A Node built-in that httpsnippet does not call for a JSON body. Every property is undefined.
module.exports = {};
