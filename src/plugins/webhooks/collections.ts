import type { CollectionConfig, TextField, TextFieldSingleValidation } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { urlField } from '@/fields/url'

import { webhookEvents } from './event'
import { checkWebhookUrl } from './target/resolve'

const url = urlField({
  required: true,
  description:
    'Where deliveries are POSTed: a public address; private, loopback and cloud metadata addresses are refused.',
})

/**
 * The shared URL rules, then the address rules (DNS included). An update that leaves the URL as
 * it was is not checked again, so that a hook saved before these rules can still be switched off;
 * delivery checks every URL anyway.
 */
const sharedValidate = url.validate as TextFieldSingleValidation
const validateWebhookUrl: TextFieldSingleValidation = async (value, options) => {
  const shared = await sharedValidate(value, options)
  if (shared !== true || typeof value !== 'string' || !value) return shared
  if (options.operation === 'update' && value === options.previousValue) return true
  return checkWebhookUrl(value)
}

export const Webhooks: CollectionConfig<'webhooks'> = {
  slug: 'webhooks',
  access: { create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
  admin: {
    defaultColumns: ['name', 'url', 'collections', 'events', 'active'],
    description:
      'Pushes to a frontend when content changes. Each delivery is signed: X-Pressroom-Signature is sha256=HMAC-SHA256(secret, "<X-Pressroom-Timestamp>.<body>").',
    group: 'Admin',
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { ...url, validate: validateWebhookUrl } as TextField,
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 24,
      admin: { description: 'Shared with the receiver to check signatures; at least 24 characters.' },
    },
    // The options are the public collections, filled in by the webhooks plugin from their declarations.
    { name: 'collections', type: 'select', hasMany: true, required: true, options: [] },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: webhookEvents,
      defaultValue: ['publish', 'unpublish', 'delete'],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
}

export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  access: { create: () => false, delete: isAdmin, read: isAdmin, update: () => false },
  admin: {
    defaultColumns: ['webhook', 'event', 'collection', 'status', 'statusCode', 'attempts', 'updatedAt'],
    description: 'Every delivery and its attempts, written by the jobs queue.',
    group: 'Admin',
  },
  fields: [
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true },
    { name: 'event', type: 'select', options: webhookEvents, required: true },
    { name: 'collection', type: 'text', required: true },
    { name: 'documentId', type: 'text', required: true },
    { name: 'body', type: 'json', required: true, admin: { description: 'Exactly what is sent, on every attempt.' } },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      options: ['pending', 'delivered', 'failed'],
      required: true,
      index: true,
    },
    { name: 'statusCode', type: 'number' },
    { name: 'attempts', type: 'number', defaultValue: 0, required: true },
    { name: 'lastError', type: 'textarea' },
    { name: 'deliveredAt', type: 'date' },
  ],
}
