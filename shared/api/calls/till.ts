// The paid-services till (treasurer issue): price list with history, sales, reversing sales, receipts, daily cash-up. Call names: till.*
export const tillCalls = {};
