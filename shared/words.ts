// Counts in words, the same on every screen and in every engine message: "1 location", "3 locations".

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
