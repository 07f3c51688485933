<?php

namespace Fruitcake\Cors\Tests;

use Fruitcake\Cors\CorsService;
use Fruitcake\Cors\Exceptions\InvalidOptionException;
use PHPUnit\Framework\TestCase;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;

/**
 * Plain test* methods only, so the same file runs on PHPUnit 9.6, 10 and 11.
 */
class CorsServiceTest extends TestCase
{
    private const SPA = 'http://localhost:5173';

    /** The SPA setup of config/cors.php, snake_case as Laravel passes it. */
    private const SPA_CONFIG = [
        'paths' => ['api/*', 'login', 'logout', 'sanctum/csrf-cookie'],
        'allowed_methods' => ['*'],
        'allowed_origins' => [self::SPA],
        'allowed_origins_patterns' => [],
        'allowed_headers' => ['*'],
        'exposed_headers' => [],
        'max_age' => 0,
        'supports_credentials' => true,
    ];

    private static function preflight(string $origin, string $method = 'POST', ?string $headers = null): Request
    {
        $request = Request::create('/login', 'OPTIONS');
        $request->headers->set('Origin', $origin);
        $request->headers->set('Access-Control-Request-Method', $method);
        if ($headers !== null) {
            $request->headers->set('Access-Control-Request-Headers', $headers);
        }

        return $request;
    }

    private static function actual(?string $origin, string $method = 'GET'): Request
    {
        $request = Request::create('/api/user', $method);
        if ($origin !== null) {
            $request->headers->set('Origin', $origin);
        }

        return $request;
    }

    /** What Laravel's HandleCors does with a preflight. */
    private static function laravelPreflight(CorsService $cors, Request $request): Response
    {
        $response = $cors->handlePreflightRequest($request);
        $cors->varyHeader($response, 'Access-Control-Request-Method');

        return $response;
    }

    public function testSpaPreflightMatchesMeasuredLaravelResponse(): void
    {
        $cors = new CorsService();
        $cors->setOptions(self::SPA_CONFIG);
        $request = self::preflight(self::SPA, 'POST', 'content-type,x-xsrf-token');

        $this->assertTrue($cors->isPreflightRequest($request));
        $response = self::laravelPreflight($cors, $request);

        $this->assertSame(204, $response->getStatusCode());
        $this->assertSame(self::SPA, $response->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('true', $response->headers->get('Access-Control-Allow-Credentials'));
        $this->assertSame('POST', $response->headers->get('Access-Control-Allow-Methods'));
        $this->assertSame('content-type,x-xsrf-token', $response->headers->get('Access-Control-Allow-Headers'));
        $this->assertSame('0', $response->headers->get('Access-Control-Max-Age'));
        $this->assertSame(
            'Access-Control-Request-Method, Access-Control-Request-Headers',
            $response->headers->get('Vary')
        );
        $this->assertFalse($response->headers->has('Access-Control-Expose-Headers'));
    }

    public function testSpaActualRequestGetsOriginAndCredentials(): void
    {
        $cors = new CorsService(self::SPA_CONFIG);
        $response = $cors->addActualRequestHeaders(new Response('{}'), self::actual(self::SPA, 'POST'));

        $this->assertSame(self::SPA, $response->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('true', $response->headers->get('Access-Control-Allow-Credentials'));
        $this->assertFalse($response->headers->has('Access-Control-Max-Age'));
        $this->assertFalse($response->headers->has('Access-Control-Allow-Methods'));
        $this->assertFalse($response->headers->has('Vary'));
    }

    public function testSingleOriginIsStaticEvenForAnotherOrigin(): void
    {
        $cors = new CorsService(self::SPA_CONFIG);

        $actual = $cors->addActualRequestHeaders(new Response(), self::actual('http://evil.test'));
        $this->assertSame(self::SPA, $actual->headers->get('Access-Control-Allow-Origin'));
        $this->assertFalse($actual->headers->has('Vary'));
        $this->assertFalse($cors->isOriginAllowed(self::actual('http://evil.test')));

        $preflight = self::laravelPreflight($cors, self::preflight('http://evil.test'));
        $this->assertSame(204, $preflight->getStatusCode());
        $this->assertSame(self::SPA, $preflight->headers->get('Access-Control-Allow-Origin'));
    }

    public function testSingleOriginIsStaticOnNonCorsRequest(): void
    {
        $cors = new CorsService(self::SPA_CONFIG);
        $request = self::actual(null);

        $this->assertFalse($cors->isCorsRequest($request));
        $response = $cors->addActualRequestHeaders(new Response(), $request);
        $this->assertSame(self::SPA, $response->headers->get('Access-Control-Allow-Origin'));
    }

    public function testMultipleOriginsEchoTheAllowedOneAndVaryOnOrigin(): void
    {
        $cors = new CorsService(['allowed_origins' => ['http://a.test', 'http://b.test']]);

        $response = $cors->addActualRequestHeaders(new Response(), self::actual('http://b.test'));
        $this->assertSame('http://b.test', $response->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('Origin', $response->headers->get('Vary'));
    }

    public function testDisallowedOriginIsNotEchoedButNotRefused(): void
    {
        $cors = new CorsService([
            'allowed_origins' => ['http://a.test', 'http://b.test'],
            'allowed_methods' => ['*'],
            'allowed_headers' => ['*'],
            'exposed_headers' => ['X-Total'],
            'supports_credentials' => true,
        ]);

        $actual = $cors->addActualRequestHeaders(new Response('body', 200), self::actual('http://evil.test'));
        $this->assertSame(200, $actual->getStatusCode());
        $this->assertSame('body', $actual->getContent());
        $this->assertFalse($actual->headers->has('Access-Control-Allow-Origin'));
        $this->assertFalse($actual->headers->has('Access-Control-Allow-Credentials'));
        $this->assertFalse($actual->headers->has('Access-Control-Expose-Headers'));
        $this->assertSame('Origin', $actual->headers->get('Vary'));

        $preflight = self::laravelPreflight($cors, self::preflight('http://evil.test', 'PUT', 'x-foo'));
        $this->assertSame(204, $preflight->getStatusCode());
        foreach (['Origin', 'Credentials', 'Methods', 'Headers'] as $suffix) {
            $this->assertFalse($preflight->headers->has('Access-Control-Allow-' . $suffix), $suffix);
        }
        $this->assertFalse($preflight->headers->has('Access-Control-Max-Age'));
        $this->assertSame('Origin, Access-Control-Request-Method', $preflight->headers->get('Vary'));
    }

    public function testNonCorsRequestWithDynamicOriginsOnlyGetsVary(): void
    {
        $cors = new CorsService(['allowed_origins' => ['http://a.test', 'http://b.test']]);
        $request = self::actual(null);

        $this->assertFalse($cors->isCorsRequest($request));
        $this->assertFalse($cors->isPreflightRequest($request));
        $response = $cors->addActualRequestHeaders(new Response(), $request);
        $this->assertFalse($response->headers->has('Access-Control-Allow-Origin'));
        $this->assertSame('Origin', $response->headers->get('Vary'));
    }

    public function testAllOriginsWithoutCredentialsSendsStar(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*', 'http://a.test']]);

        $response = $cors->addActualRequestHeaders(new Response(), self::actual('http://any.test'));
        $this->assertSame('*', $response->headers->get('Access-Control-Allow-Origin'));
        $this->assertFalse($response->headers->has('Vary'));
        $this->assertTrue($cors->isOriginAllowed(self::actual('http://any.test')));
    }

    public function testAllOriginsWithCredentialsEchoesTheOrigin(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'supports_credentials' => true]);

        $response = $cors->addActualRequestHeaders(new Response(), self::actual('http://any.test'));
        $this->assertSame('http://any.test', $response->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('true', $response->headers->get('Access-Control-Allow-Credentials'));
        $this->assertSame('Origin', $response->headers->get('Vary'));
    }

    public function testOriginPatterns(): void
    {
        $cors = new CorsService([
            'allowed_origins' => [],
            'allowed_origins_patterns' => ['#^http://localhost:\d+$#'],
        ]);

        $allowed = $cors->addActualRequestHeaders(new Response(), self::actual('http://localhost:3000'));
        $this->assertSame('http://localhost:3000', $allowed->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('Origin', $allowed->headers->get('Vary'));

        $refused = $cors->addActualRequestHeaders(new Response(), self::actual('http://localhost.evil.test'));
        $this->assertFalse($refused->headers->has('Access-Control-Allow-Origin'));
        $this->assertSame('Origin', $refused->headers->get('Vary'));
    }

    public function testPatternTurnsASingleOriginDynamic(): void
    {
        $cors = new CorsService([
            'allowed_origins' => [self::SPA],
            'allowed_origins_patterns' => ['#^https://preview-\d+\.test$#'],
        ]);

        $response = $cors->addActualRequestHeaders(new Response(), self::actual('http://evil.test'));
        $this->assertFalse($response->headers->has('Access-Control-Allow-Origin'));
        $this->assertSame('Origin', $response->headers->get('Vary'));
        $this->assertTrue($cors->isOriginAllowed(self::actual('https://preview-12.test')));
    }

    public function testWildcardOriginBecomesAPattern(): void
    {
        $cors = new CorsService(['allowed_origins' => ['http://*.example.com']]);

        $allowed = $cors->addActualRequestHeaders(new Response(), self::actual('http://api.example.com'));
        $this->assertSame('http://api.example.com', $allowed->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('Origin', $allowed->headers->get('Vary'));

        foreach (['http://example.com', 'https://api.example.com', 'http://example.com.evil.test', 'http://x.example.com:8080'] as $origin) {
            $this->assertFalse($cors->isOriginAllowed(self::actual($origin)), $origin);
            $refused = $cors->addActualRequestHeaders(new Response(), self::actual($origin));
            // Never the wildcard itself, which a lone literal origin would give.
            $this->assertFalse($refused->headers->has('Access-Control-Allow-Origin'), $origin);
        }
        $this->assertTrue($cors->isOriginAllowed(self::actual('http://a.b.example.com')));
    }

    public function testWildcardOriginQuotesRegexCharacters(): void
    {
        $cors = new CorsService(['allowed_origins' => ['http://*.ex#a+mple.com']]);

        $this->assertTrue($cors->isOriginAllowed(self::actual('http://x.ex#a+mple.com')));
        $this->assertFalse($cors->isOriginAllowed(self::actual('http://x.exaample.com')));
    }

    public function testListedMethodsAreUppercasedAndNotEchoed(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'allowed_methods' => ['get', 'Post']]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test', 'DELETE'));
        $this->assertSame('GET, POST', $response->headers->get('Access-Control-Allow-Methods'));
        $this->assertFalse($response->headers->has('Vary'));
    }

    public function testStarMethodsEchoTheRequestedMethod(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'allowed_methods' => ['*']]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test', 'patch'));
        $this->assertSame('PATCH', $response->headers->get('Access-Control-Allow-Methods'));
        $this->assertSame('Access-Control-Request-Method', $response->headers->get('Vary'));
    }

    public function testListedHeadersAreLowercasedAndNotEchoed(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'allowed_headers' => ['X-XSRF-TOKEN', 'Content-Type']]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test', 'POST', 'X-Other'));
        $this->assertSame('x-xsrf-token, content-type', $response->headers->get('Access-Control-Allow-Headers'));
        $this->assertFalse($response->headers->has('Vary'));
    }

    public function testStarHeadersEchoTheRequestedHeaders(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'allowed_headers' => ['*']]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test', 'POST', 'X-Foo, Content-Type'));
        $this->assertSame('X-Foo, Content-Type', $response->headers->get('Access-Control-Allow-Headers'));
        $this->assertSame('Access-Control-Request-Headers', $response->headers->get('Vary'));
    }

    public function testStarHeadersAndMethodsWithoutRequestHeadersGiveEmptyStrings(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'allowed_methods' => ['*'], 'allowed_headers' => ['*']]);
        $request = self::actual('http://a.test', 'OPTIONS');
        $notices = [];
        set_error_handler(static function (int $level, string $message) use (&$notices): bool {
            $notices[] = $message;

            return true;
        });
        try {
            $response = $cors->addPreflightRequestHeaders(new Response(), $request);
        } finally {
            restore_error_handler();
        }

        $this->assertSame([], $notices);
        $this->assertSame('', $response->headers->get('Access-Control-Allow-Headers'));
        $this->assertSame('', $response->headers->get('Access-Control-Allow-Methods'));
        // The caller's request is left as it was.
        $this->assertFalse($request->headers->has('Access-Control-Request-Method'));
        $this->assertFalse($request->headers->has('Access-Control-Request-Headers'));
    }

    public function testExposedHeadersOnActualRequestsOnly(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'exposed_headers' => ['X-Total', 'X-Page']]);

        $actual = $cors->addActualRequestHeaders(new Response(), self::actual('http://a.test'));
        $this->assertSame('X-Total, X-Page', $actual->headers->get('Access-Control-Expose-Headers'));

        $preflight = $cors->handlePreflightRequest(self::preflight('http://a.test'));
        $this->assertFalse($preflight->headers->has('Access-Control-Expose-Headers'));
    }

    public function testExposedHeadersFalseMeansNone(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'exposed_headers' => false]);

        $response = $cors->addActualRequestHeaders(new Response(), self::actual('http://a.test'));
        $this->assertFalse($response->headers->has('Access-Control-Expose-Headers'));
    }

    public function testMaxAgeZeroIsSent(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'max_age' => 0]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test'));
        $this->assertSame('0', $response->headers->get('Access-Control-Max-Age'));
    }

    public function testMaxAgeDefaultsToZero(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*']]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test'));
        $this->assertSame('0', $response->headers->get('Access-Control-Max-Age'));
    }

    public function testMaxAgeNullIsOmitted(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'max_age' => null]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test'));
        $this->assertFalse($response->headers->has('Access-Control-Max-Age'));
    }

    public function testMaxAgeValueIsSentAsInteger(): void
    {
        $cors = new CorsService(['allowed_origins' => ['*'], 'max_age' => '7200']);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test'));
        $this->assertSame('7200', $response->headers->get('Access-Control-Max-Age'));
    }

    public function testCamelCaseNullMaxAgeWinsOverSnakeCase(): void
    {
        $cors = new CorsService(['allowedOrigins' => ['*'], 'maxAge' => null, 'max_age' => 60]);

        $response = $cors->handlePreflightRequest(self::preflight('http://a.test'));
        $this->assertFalse($response->headers->has('Access-Control-Max-Age'));
    }

    public function testCredentialsOffSendsNoCredentialsHeader(): void
    {
        $cors = new CorsService(['allowed_origins' => [self::SPA], 'supports_credentials' => false]);

        $actual = $cors->addActualRequestHeaders(new Response(), self::actual(self::SPA));
        $preflight = $cors->handlePreflightRequest(self::preflight(self::SPA));
        $this->assertFalse($actual->headers->has('Access-Control-Allow-Credentials'));
        $this->assertFalse($preflight->headers->has('Access-Control-Allow-Credentials'));
    }

    public function testCamelCaseKeysAndTheirPrecedence(): void
    {
        $cors = new CorsService([
            'allowedOrigins' => ['http://camel.test'],
            'allowed_origins' => ['http://snake.test'],
            'allowedMethods' => ['GET'],
            'allowedHeaders' => ['X-Camel'],
            'exposedHeaders' => ['X-Out'],
            'supportsCredentials' => true,
            'maxAge' => 30,
        ]);

        $preflight = $cors->handlePreflightRequest(self::preflight('http://camel.test'));
        $this->assertSame('http://camel.test', $preflight->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('GET', $preflight->headers->get('Access-Control-Allow-Methods'));
        $this->assertSame('x-camel', $preflight->headers->get('Access-Control-Allow-Headers'));
        $this->assertSame('true', $preflight->headers->get('Access-Control-Allow-Credentials'));
        $this->assertSame('30', $preflight->headers->get('Access-Control-Max-Age'));

        $actual = $cors->addActualRequestHeaders(new Response(), self::actual('http://camel.test'));
        $this->assertSame('X-Out', $actual->headers->get('Access-Control-Expose-Headers'));
    }

    public function testSetOptionsKeepsEarlierValuesForOmittedKeys(): void
    {
        $cors = new CorsService(['allowed_origins' => ['http://a.test'], 'supports_credentials' => true, 'max_age' => 10]);
        $cors->setOptions(['allowed_origins' => ['http://b.test']]);

        $response = $cors->handlePreflightRequest(self::preflight('http://b.test'));
        $this->assertSame('http://b.test', $response->headers->get('Access-Control-Allow-Origin'));
        $this->assertSame('true', $response->headers->get('Access-Control-Allow-Credentials'));
        $this->assertSame('10', $response->headers->get('Access-Control-Max-Age'));
    }

    public function testSetOptionsRepeatedlyWithTheSameConfigIsStable(): void
    {
        $cors = new CorsService();
        $config = ['allowed_origins' => ['http://*.example.com'], 'allowed_origins_patterns' => []];
        $cors->setOptions($config);
        $cors->setOptions($config);

        $this->assertTrue($cors->isOriginAllowed(self::actual('http://api.example.com')));
        $this->assertFalse($cors->isOriginAllowed(self::actual('http://evil.test')));
    }

    public function testInvalidOptionIsRejected(): void
    {
        $this->expectException(InvalidOptionException::class);
        new CorsService(['allowed_origins' => 'http://a.test']);
    }

    public function testPreflightDetection(): void
    {
        $cors = new CorsService(self::SPA_CONFIG);

        $this->assertTrue($cors->isPreflightRequest(self::preflight(self::SPA)));
        $this->assertFalse($cors->isPreflightRequest(self::actual(self::SPA, 'OPTIONS')));
        $post = self::actual(self::SPA, 'POST');
        $post->headers->set('Access-Control-Request-Method', 'POST');
        $this->assertFalse($cors->isPreflightRequest($post));
        $this->assertTrue($cors->isCorsRequest(self::actual(self::SPA)));
    }

    public function testOriginAllowedWithoutOriginHeader(): void
    {
        $this->assertFalse((new CorsService(self::SPA_CONFIG))->isOriginAllowed(self::actual(null)));
        $this->assertTrue((new CorsService(['allowed_origins' => ['*']]))->isOriginAllowed(self::actual(null)));
        // As upstream: the missing Origin is matched as the empty string.
        $cors = new CorsService(['allowed_origins_patterns' => ['#^$#']]);
        $request = self::actual(null);
        $this->assertTrue($cors->isOriginAllowed($request));
        $this->assertFalse($request->headers->has('Origin'));
    }

    public function testVaryHeaderAppendsWithoutDuplicates(): void
    {
        $cors = new CorsService();

        $response = new Response();
        $this->assertSame($response, $cors->varyHeader($response, 'Origin'));
        $this->assertSame('Origin', $response->headers->get('Vary'));

        $response = new Response('', 200, ['Vary' => 'Accept-Encoding']);
        $cors->varyHeader($response, 'Origin');
        $cors->varyHeader($response, 'Origin');
        $this->assertSame('Accept-Encoding, Origin', $response->headers->get('Vary'));

        $cors = new CorsService(['allowed_origins' => ['*'], 'supports_credentials' => true]);
        $response = $cors->addActualRequestHeaders(new Response('', 200, ['Vary' => 'Content-Type']), self::actual('http://a.test'));
        $this->assertSame('Content-Type, Origin', $response->headers->get('Vary'));
    }
}
