// Stands in for react-devtools-core in the bundle: the app never connects to React DevTools.
export default { initialize() {}, connectToDevTools() {} };
export function initialize() {}
export function connectToDevTools() {}
