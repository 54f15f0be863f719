// A DOM for Observable Plot outside the browser (linkedom: small, no native parts).
import { parseHTML } from "linkedom";

/** A fresh document Plot can draw into. */
export const newDocument = (): Document => parseHTML("<!DOCTYPE html><html><head></head><body></body></html>").document as unknown as Document;
