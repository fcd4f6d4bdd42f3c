import { findProvince, type ProvinceMatch } from './province';

export interface Address {
  /** Trimmed, otherwise as the customer wrote it: the shipper reads it. */
  text: string;
  province: ProvinceMatch | null;
}

/** Shorter than this is a reply ("ok", "HN"), not somewhere a parcel can go. */
const MIN_WORDS = 2;
const MIN_CHARACTERS = 6;

export function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  if (trimmed.length < MIN_CHARACTERS || trimmed.split(/\s+/).length < MIN_WORDS) return null;
  return { text: trimmed, province: findProvince(trimmed) };
}
