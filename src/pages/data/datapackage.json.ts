import type { APIRoute } from 'astro';
import { dataPackage } from '../../downloads/exports.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(String(site)), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
