/**
 * Pulls structured invoice fields out of OCR text with the OpenAI Responses API.
 */
import OpenAI from 'openai';

const client = new OpenAI();

export interface InvoiceFields {
  supplier: string | null;
  invoiceNumber: string | null;
  issueDate: string | null;
  currency: string | null;
  total: number | null;
}

const EXTRACTION_INSTRUCTIONS = [
  'You extract fields from supplier invoices.',
  'Return a JSON object with exactly these keys: supplier, invoiceNumber, issueDate (YYYY-MM-DD), currency (ISO 4217), total (number).',
  'Use null for any field that is missing or unreadable. Do not guess.',
  'Ignore line items, bank details and anything handwritten.',
].join('\n');

export async function extractInvoice(ocrText: string, fileName: string): Promise<InvoiceFields> {
  const response = await client.responses.create({
    model: 'gpt-4.1',
    instructions: EXTRACTION_INSTRUCTIONS,
    input: `File: ${fileName}\n\nOCR text:\n${ocrText}`,
    max_output_tokens: 300,
    text: { format: { type: 'json_object' } },
  });

  const fields = JSON.parse(response.output_text) as InvoiceFields;
  if (fields.total !== null && Number.isNaN(Number(fields.total))) {
    fields.total = null;
  }
  return fields;
}

// Not a prompt: an error message shown in the admin UI.
export const EXTRACTION_FAILED_MESSAGE = 'We could not read this invoice. Please upload a clearer scan.';

export async function extractAll(files: Array<{ name: string; text: string }>): Promise<InvoiceFields[]> {
  const results: InvoiceFields[] = [];
  for (const file of files) {
    try {
      results.push(await extractInvoice(file.text, file.name));
    } catch (error) {
      console.error(`extraction failed for ${file.name}:`, error);
      results.push({ supplier: null, invoiceNumber: null, issueDate: null, currency: null, total: null });
    }
  }
  return results;
}
