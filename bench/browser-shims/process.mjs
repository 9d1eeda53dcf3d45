// The `process` global that event-stream, through and asynckit read.
export const process = {
  browser: true,
  env: {},
  nextTick(callback, ...parameters) {
    queueMicrotask(() => callback(...parameters));
  },
};
