import { answerError } from './request'

describe('answerError', () => {
  it('is nothing for a 2xx', () => {
    for (const status of [200, 202, 204]) expect(answerError({ status })).toBeUndefined()
  })

  it('records a redirect as a failure, with where it pointed', () => {
    expect(answerError({ status: 301, location: 'http://169.254.169.254/' })).toBe(
      "The receiver answered 301, a redirect to http://169.254.169.254/; redirects are not followed, so set the webhook's URL to the final address.",
    )
    expect(answerError({ status: 307 })).toContain('a redirect; redirects are not followed')
  })

  it('records any other answer', () => {
    expect(answerError({ status: 500 })).toBe('The receiver answered 500.')
    expect(answerError({ status: 404 })).toBe('The receiver answered 404.')
  })
})
