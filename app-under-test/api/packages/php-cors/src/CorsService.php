<?php

namespace Fruitcake\Cors;

use Asm89\Stack\CorsService as StackCorsService;
use Fruitcake\Cors\Exceptions\InvalidOptionException;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;

/**
 * The fruitcake/php-cors 1.x API on top of asm89/stack-cors 2.x.
 *
 * The CORS decisions are asm89's; this class only adds what the fruitcake
 * fork changed: snake_case option keys, setOptions(), wildcard origins,
 * option validation, and empty strings where asm89 reads absent headers.
 */
class CorsService
{
    /** camelCase key => the snake_case key config/cors.php uses. */
    private const KEYS = [
        'allowedOrigins' => 'allowed_origins',
        'allowedOriginsPatterns' => 'allowed_origins_patterns',
        'allowedMethods' => 'allowed_methods',
        'allowedHeaders' => 'allowed_headers',
        'exposedHeaders' => 'exposed_headers',
        'supportsCredentials' => 'supports_credentials',
        'maxAge' => 'max_age',
    ];

    /**
     * Effective options. Kept across setOptions() calls because a key left
     * out of a later call keeps its earlier value.
     *
     * @var array<string, mixed>
     */
    private array $options = [
        'allowedOrigins' => [],
        'allowedOriginsPatterns' => [],
        'allowedMethods' => [],
        'allowedHeaders' => [],
        'exposedHeaders' => [],
        'supportsCredentials' => false,
        'maxAge' => 0,
    ];

    private StackCorsService $stack;

    /**
     * @param array<string, mixed> $options camelCase or snake_case keys
     */
    public function __construct(array $options = [])
    {
        $this->setOptions($options);
    }

    /**
     * @param array<string, mixed> $options camelCase or snake_case keys; camelCase wins
     */
    public function setOptions(array $options): void
    {
        $next = $this->options;

        foreach (self::KEYS as $camel => $snake) {
            if ($camel === 'maxAge') {
                // Unlike the other keys an explicit null counts: it turns the header off.
                if (array_key_exists($camel, $options) || array_key_exists($snake, $options)) {
                    $maxAge = array_key_exists($camel, $options) ? $options[$camel] : $options[$snake];
                    $next[$camel] = $maxAge === null ? null : (int) $maxAge;
                }
                continue;
            }
            $next[$camel] = $options[$camel] ?? $options[$snake] ?? $next[$camel];
        }

        if ($next['exposedHeaders'] === false) {
            $next['exposedHeaders'] = [];
        }
        $next['supportsCredentials'] = (bool) $next['supportsCredentials'];

        foreach (['allowedOrigins', 'allowedOriginsPatterns', 'allowedMethods', 'allowedHeaders', 'exposedHeaders'] as $key) {
            if (!is_array($next[$key])) {
                throw new InvalidOptionException("CORS option `{$key}` should be an array");
            }
        }

        $next['allowedMethods'] = array_map('strtoupper', $next['allowedMethods']);
        $next['allowedHeaders'] = array_map('strtolower', $next['allowedHeaders']);

        // asm89 would treat "https://*.example.com" as a literal origin (and,
        // as the only one, send it verbatim); fruitcake matches it as a pattern.
        if (!in_array('*', $next['allowedOrigins'])) {
            foreach ($next['allowedOrigins'] as $origin) {
                if (str_contains((string) $origin, '*')) {
                    $next['allowedOriginsPatterns'][] = self::wildcardToPattern((string) $origin);
                }
            }
        }

        $this->options = $next;
        $this->stack = new StackCorsService($next);
    }

    public function isCorsRequest(Request $request): bool
    {
        return $this->stack->isCorsRequest($request);
    }

    public function isPreflightRequest(Request $request): bool
    {
        return $this->stack->isPreflightRequest($request);
    }

    public function handlePreflightRequest(Request $request): Response
    {
        // Not delegated: asm89 would build the headers from the raw request.
        return $this->addPreflightRequestHeaders(new Response('', 204), $request);
    }

    public function addPreflightRequestHeaders(Response $response, Request $request): Response
    {
        // With '*' methods/headers asm89 echoes these request headers; absent,
        // it would send a null Allow-Headers and pass null to strtoupper().
        $request = self::withHeaders($request, [
            'Access-Control-Request-Method' => '',
            'Access-Control-Request-Headers' => '',
        ]);

        return $this->stack->addPreflightRequestHeaders($response, $request);
    }

    public function isOriginAllowed(Request $request): bool
    {
        // asm89 refuses a request without Origin outright; fruitcake matches
        // it as the empty origin.
        return $this->stack->isOriginAllowed(self::withHeaders($request, ['Origin' => '']));
    }

    public function addActualRequestHeaders(Response $response, Request $request): Response
    {
        return $this->stack->addActualRequestHeaders($response, $request);
    }

    public function varyHeader(Response $response, string $header): Response
    {
        return $this->stack->varyHeader($response, $header);
    }

    /** Same rule as fruitcake: each "*" matches any run of characters. */
    private static function wildcardToPattern(string $origin): string
    {
        return '#^' . str_replace('\*', '.*', preg_quote($origin, '#')) . '\z#u';
    }

    /**
     * A copy of the request with the given headers filled in where absent,
     * so the caller's request is never modified.
     *
     * @param array<string, string> $defaults
     */
    private static function withHeaders(Request $request, array $defaults): Request
    {
        $missing = array_filter(
            $defaults,
            static fn (string $name): bool => $request->headers->get($name) === null,
            ARRAY_FILTER_USE_KEY
        );
        if ($missing === []) {
            return $request;
        }

        $copy = clone $request;
        foreach ($missing as $name => $value) {
            $copy->headers->set($name, $value);
        }

        return $copy;
    }
}
