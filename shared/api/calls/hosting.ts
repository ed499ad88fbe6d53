// How the browser-mode host may be reached (local network opt-in) (privacy issue). Call names: hosting.*
export const hostingCalls = {};
