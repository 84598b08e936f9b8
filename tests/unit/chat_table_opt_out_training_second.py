"""Second training set of WhatsApp opt-out / opt-in phrasings (Brazilian Portuguese).

Written 2026-12-06 by a helper who never saw the engine's rules nor earlier sets: the hard,
indirect round (implicit opt-outs, near misses with stop/remove/list words, varied opt-ins).
Engineers may read and learn from this set."""

from __future__ import annotations

__all__ = [
    "SECOND_TRAINING_OPT_IN",
    "SECOND_TRAINING_OPT_OUT",
]

# fmt: off
SECOND_TRAINING_OPT_OUT: list[tuple[str, bool]] = [
    # Opt-outs: the client wants no more offers, promotions or reminders.
    (
        "Oi, esse número agora é meu, comprei o chip faz uns meses. Não conheço nenhuma Patrícia "
        "não",
        True,
    ),
    (
        "Boa tarde. Me mudei pra Curitiba em março, então essas promoções não fazem mais sentido "
        "pra mim",
        True,
    ),
    ("Moro em Portugal agora querida, não adianta me mandar promoção de escova kkkk", True),
    ("Raspei a cabeça e não piso mais em salão, podem economizar as mensagens", True),
    (
        "Aqui quem fala é a filha da dona Lurdes. Ela faleceu em setembro, e cada mensagem de "
        "vocês chegando no celular dela é uma dor pra gente",
        True,
    ),
    ("Gente, é a terceira vez que eu peço pra parar e continua chegando, sério mesmo", True),
    (
        "Nossa que maravilha, mais uma promoção, era exatamente o que faltava no meu dia 🙄 "
        "quarta só essa semana",
        True,
    ),
    ("Obrigada pela lembrança, mas prefiro não receber esse tipo de conteúdo", True),
    (
        "Nos termos do art. 18 da Lei 13.709/2018, solicito a eliminação dos meus dados e a "
        "cessação de qualquer comunicação de marketing.",
        True,
    ),
    ("Se continuar chegando propaganda vou registrar reclamação no Procon e no Reclame Aqui", True),
    ("Retiro a autorização que dei pra vocês me mandarem propaganda", True),
    ("please unsubscribe me, thanks", True),
    ("sorry não falo muito português, I don't live in Brazil anymore, no more offers please", True),
    ("Hola, no hablo portugués, por favor no me manden más publicidad", True),
    ("Chega de spam pls, not interested", True),
    ("Oxe, vocês de novo? Me deixe de mão com essas promoção, visse", True),
    ("Uai sô, cês não cansam não? Tira eu desse trem aí, pelamordedeus", True),
    ("Bah tchê, já deu dessas mensagem, né? Me deixa quieto", True),
    ("Qual foi, mano, todo dia essa parada? Me esquece aí, papo reto", True),
    ("Mano, sem condição, toda hora chegando promo de vocês, para com isso aí meu", True),
    ("naoquero maisreceber essasmensagen", True),
    ("paradimandaissopramim", True),
    ("por favo nao me mand mas nd", True),
    (
        "oi tudo bem então é o seguinte eu tô recebendo aqui essas mensagem de vocês né e assim "
        "eu não tenho mais interesse tá bom então se puder tirar aí eu agradeço beijo",
        True,
    ),
    (
        "Oi meninas! Saudade de vocês. Então, esse ano foi corrido, tive neném, mudei de emprego, "
        "e agora tô cortando com uma prima que abriu um espaço perto de casa. Por isso acho "
        "melhor vocês pararem de me mandar as promoções, senão fico com peso na consciência kkk. "
        "Beijo pra Dani!",
        True,
    ),
    ("Tem algum jeito de eu sair dessa lista de transmissão?", True),
    ("O que eu faço pra essas propagandas pararem de chegar?", True),
    (
        "Quantas mensagens vocês vão mandar por dia? Meu celular não para de apitar. Não precisa "
        "mais",
        True,
    ),
    ("Bloqueei vocês no Instagram e vou bloquear aqui também se continuar", True),
    ("Não quero receber nada de vocês, nada mesmo", True),
    ("Apaga meu número daí e segue a vida", True),
    ("Não sou cliente, nunca coloquei o pé nesse salão. Como vocês conseguiram meu número?", True),
    (
        "Moça, acho que vocês tão mandando pro número errado. Não sou a Vanessa e não faço unha",
        True,
    ),
    ("Sou homem, careca, 67 anos. Promoção de progressiva não é pra mim não", True),
    ("Parei de fazer unha de gel por causa da alergia, não faz mais sentido receber isso", True),
    (
        "Contratei uma cabeleireira que vem em casa, então não vou mais precisar dessas ofertas",
        True,
    ),
    ("Tô fazendo quimio e perdi o cabelo. Por favor, ver essas mensagens tá me fazendo mal", True),
    ("Prefiro que vocês não entrem mais em contato comigo por aqui", True),
    ("Meu WhatsApp é só pra família e trabalho, propaganda não", True),
    ("Chega. Sério. Chega.", True),
    (
        "Vou ser sincera: não gostei do atendimento da última vez e não pretendo voltar. Não "
        "precisam mais me mandar lembrete",
        True,
    ),
    ("Eu e minha esposa mudamos para Recife, não vamos mais ser clientes. Obrigado por tudo", True),
    (
        "Esse celular era do meu pai, ele faleceu. Eu fiquei com o número. Não precisa enviar "
        "mais",
        True,
    ),
    (
        "Boa noite, sou o marido da Cristina. Ela não usa mais esse número e eu não tenho "
        "interesse nas ofertas",
        True,
    ),
    ("Descadastrar", True),
    ("me descadastra aí fazendo favor", True),
    ("kkkkkk vcs de novo? já pode parar hein", True),
    ("Amiga, eu amo vocês, mas meu celular não aguenta mais kkk pode me poupar das promo?", True),
    ("Não autorizo o envio de mensagens publicitárias para este número.", True),
    (
        "Vocês não respeitam o Código de Defesa do Consumidor? Envio insistente de publicidade "
        "sem consentimento é prática abusiva. Cessem.",
        True,
    ),
    ("Favor remover meu telefone do cadastro de marketing de vocês", True),
    ("Esse tipo de mensagem eu não leio, só apago. Economizem o trabalho de vocês", True),
    ("Toda segunda a mesma coisa... cansei", True),
    ("Eu não lembro de ter dado meu número pra receber propaganda", True),
    (
        "O salão fechou a unidade do meu bairro e eu não vou atravessar a cidade. Não adianta me "
        "mandar oferta",
        True,
    ),
    ("Não tenho mais cabelo pra cortar kkkk 82 anos minha filha, pode parar de mandar", True),
    (
        "Tô grávida e o médico proibiu química, nem adianta mandar promoção. Na verdade melhor "
        "tirar meu número de vez",
        True,
    ),
    ("Eu agradeço de coração, mas não tenho interesse em continuar recebendo", True),
    ("Vocês mandam mais mensagem que meu ex. Me deixem em paz né", True),
    ("Olha, se chegar mais uma eu denuncio como spam", True),
    ("Denunciei como spam. Tchau.", True),
    ("Silenciei a conversa mas continua aparecendo. Tem como parar de vez?", True),
    ("Me inclui fora dessas promoções aí", True),
    ("Sai fora com essas propaganda", True),
    (
        "Já não tenho idade pra essas coisas de salão, meu bem. Deixa essas ofertas pras mocinhas",
        True,
    ),
    (
        "Olá. Informo que a empresa Studio Bela Ltda encerrou as atividades e este número "
        "corporativo não deve mais receber comunicações.",
        True,
    ),
    ("Esse número é da clínica, não é pessoal. Favor não enviar promoções aqui", True),
    (
        "Minha mãe tem Alzheimer e fica confusa achando que tem horário marcado toda vez que "
        "chega mensagem de vocês. Por favor parem",
        True,
    ),
    (
        "Oi, é a Jéssica. Mudei de salão, sem ressentimentos, mas não quero mais receber as "
        "ofertas",
        True,
    ),
    ("Virei cabeleireira também kkk então não faz sentido vcs me mandarem promoção", True),
    ("Olá, pode retirar meu contato? obrigada", True),
    ("Eu não pedi pra receber isso", True),
    ("Quem te deu meu número?? não quero saber de salão nenhum", True),
    ("No more messages please. Thank you", True),
    ("Ya no vivo en Brasil, gracias pero no me interesa", True),
    ("Hi, I'm a tourist, I was there once in 2023. Please take me off your list", True),
    ("Tô de boa dessas promoções, valeu", True),
    ("Não quero mais saber de promoção nenhuma, nem de vocês nem de ninguém", True),
    ("Mds q chatice, tdo dia msg, n aguento mais, p favor me tira", True),
    ("Para de mandar msg pfvr", True),
    (
        "É sério que vocês mandaram promoção às 6 da manhã de domingo? Não quero mais isso no meu "
        "celular",
        True,
    ),
    ("Quero deixar de fazer parte dessas mensagens automáticas", True),
    ("Cancela essas mensagens aí", True),
    ("Não tenho mais interesse, obrigada", True),
    ("Parei com unha, cabelo, sobrancelha, tudo. Vida simples agora. Podem me desligar daí", True),
    (
        "Sou vegana e descobri que vocês usam produto testado em animal, então não quero mais "
        "nada vindo de vocês",
        True,
    ),
    ("Tirem meu nome desse grupo de promoção", True),
    ("Respeitosamente, solicito que cessem o envio de ofertas para este contato", True),
    ("Tá bom, já entendi que tem promoção. Agora podem parar", True),
    ("Eu só fui uma vez aí em 2019 e até hoje recebo mensagem, gente, desapega", True),
    ("Vou trocar de número só pra fugir de vocês kkkk brincadeira... mas não muito. Parem", True),
    ("Tô recebendo mensagem de vocês em dois números. Não quero em nenhum dos dois", True),
    ("Meu filho de 10 anos usa esse celular, não quero que chegue propaganda aqui", True),
    ("Pessoal, sem ofensa, mas essas mensagens não são pra mim. Podem seguir sem me incluir", True),
    (
        "Eu sou o Paulo, esse número era da minha ex-mulher. Ela não mora mais aqui e eu não "
        "quero receber promoção de manicure",
        True,
    ),
    ("opt out", True),
    ("SAIR", True),
    ("Stop", True),
    ("remover", True),
    (
        "Já chega de mensagem, tô tentando economizar e vocês ficam me tentando kkkk não mandem "
        "mais",
        True,
    ),
    # Near misses: stop/remove/list words, but no wish to stop the messages.
    ("Preciso cancelar meu horário de amanhã às 15h, surgiu um imprevisto", False),
    ("Dá pra passar minha escova de sexta pra sábado?", False),
    ("Tira a hidratação do meu agendamento, vou fazer só o corte", False),
    ("Pede pra Carla não puxar tanto meu cabelo na escova, da última vez doeu demais", False),
    ("Vocês podem parar a progressiva no meio se eu sentir ardência?", False),
    ("Odiei o corte, ficou torto atrás. Quero que alguém conserte", False),
    ("A Renata ainda trabalha aí? Queria marcar com ela", False),
    ("Quanto tá a promoção de luzes que vocês mandaram?", False),
    ("A mensagem de vocês chegou toda cortada, só apareceu 'Promo de' e mais nada", False),
    ("Me coloca na lista de espera pra sábado, se alguém desistir me avisa", False),
    ("Mudei de número, esse aqui é o novo. Atualiza aí no meu cadastro por favor", False),
    (
        "Por favor parem de ligar pra minha mãe confirmando horário, ela fica nervosa. Podem "
        "confirmar comigo por aqui mesmo",
        False,
    ),
    ("Pode remover o esmalte que coloquei ontem? Ficou descascando", False),
    (
        "Quero parar de alisar o cabelo e fazer a transição. Vocês têm algum tratamento pra isso?",
        False,
    ),
    ("Recebi a lista de preços, obrigada! Vou ver e depois marco", False),
    ("Cancelei no app mas ainda tá aparecendo o horário, pode conferir?", False),
    ("Não quero mais fazer a química, só o corte mesmo tá?", False),
    ("Para tudo! Amei a promoção, tem horário quinta?", False),
    (
        "Parei de tomar o remédio que fazia meu cabelo cair, já posso voltar a fazer tratamento?",
        False,
    ),
    ("Chega de cabelo comprido! Quero um chanel, tem horário essa semana?", False),
    ("Não me manda mensagem depois das 22h que meu marido acorda, mas de dia pode mandar", False),
    ("Quero cancelar o pacote de depilação e usar o crédito no cabelo", False),
    ("Pode tirar meu nome do horário das 10? Coloca minha irmã no lugar", False),
    ("A moça da recepção me bloqueou? Mandei mensagem ontem e ninguém respondeu", False),
    ("Esquece o que eu falei antes, vou querer sim a manicure junto", False),
    ("Nunca fui aí, mas uma amiga indicou. Como faço pra marcar?", False),
    ("Não sou cliente ainda, mas queria saber o preço da coloração", False),
    (
        "Não mudei de número não kkk, é que eu tava sem celular, por isso não respondi. Confirma "
        "meu horário sim",
        False,
    ),
    ("Me mudei pro centro, vocês têm unidade perto da Praça da Sé?", False),
    ("Sou a filha da dona Zélia, ela pediu pra eu marcar pé e mão pra ela na quinta", False),
    (
        "Já falei mil vezes pra Bia que quero a franja mais curta e ela sempre deixa comprida 😩 "
        "dessa vez anota aí",
        False,
    ),
    ("Desmarca a sobrancelha, mas mantém o cabelo", False),
    ("Preciso sair mais cedo, dá pra começar 13h em vez de 14h?", False),
    (
        "Dá pra parar de usar aquele shampoo de cheiro forte no meu cabelo? Me dá dor de cabeça",
        False,
    ),
    ("Vocês ainda tão com aquela promoção do mês passado? Perdi a mensagem", False),
    ("Stop! Não acredito nesse preço, tá muito barato kkk quero dois horários", False),
    ("Não recebo mais o lembrete por e-mail, podem mandar só por aqui mesmo?", False),
    ("Bloqueei a agenda do dia 20 pra ir aí, pode confirmar a coloração?", False),
    ("Retira a unha de gel e faz só esmaltação comum na próxima", False),
    ("Meu marido não quer mais cortar com o Jorge, pode trocar ele pro Felipe?", False),
]

SECOND_TRAINING_OPT_IN: list[str] = [
    "Oi, tinha pedido pra parar as promoções, mas sinto falta. Pode voltar a mandar?",
    "Voltei pra cidade! Quero receber as novidades de novo",
    "Me coloca de volta na lista de promoção por favor",
    "Eu saí da lista ano passado mas agora quero voltar",
    "Pode reativar minhas mensagens de ofertas?",
    "Minha amiga recebeu uma promoção que eu não recebi porque pedi pra sair... me inclui de novo?",
    "Mudei de ideia, pode mandar as promoções sim",
    "Autorizo o envio de ofertas e novidades para este número",
    "Quero voltar a receber os lembretes e promoções",
    "Tava de mal de vocês kkk mas passou, pode mandar as promo de novo",
    "Please add me back to your offers list",
    "Aceito receber mensagens promocionais",
    "Tinha bloqueado vocês num dia de raiva, já desbloqueei. Pode voltar a mandar as novidades",
    "Eu tinha mandado SAIR, mas quero entrar de novo",
    "Cancelei as mensagens mas me arrependi, como faço pra voltar?",
    "Volta a me mandar aquelas promoções de quinta, sinto falta",
    "Agora que o bebê nasceu tô liberada pra química de novo! Podem me mandar as ofertas",
    "Terminei a quimio, o cabelo tá voltando 🥹 quero receber as novidades do salão outra vez",
    "Pode me incluir de novo nas mensagens? Tinha trocado de salão mas voltei pra vocês",
    "Reativa aí as promo pra mim",
    "Quero me recadastrar pra receber os descontos",
    "quero voltar a receber as msg de vcs",
    "Retomem o envio das ofertas, por favor. Antes eu tinha pedido pra parar",
    "Pode voltar a me avisar das promoções, eu tinha pedido pra tirar mas mudei de ideia",
    "Oi! Desisti de não receber kkk pode mandar",
    "Me põe na lista de transmissão de novo?",
    "Voltei a morar no Brasil, quero receber as ofertas outra vez",
    "Eu tinha revogado meu consentimento, mas agora autorizo novamente o envio de comunicações",
    "Bah, senti falta das promoção de vocês, volta a mandar tchê",
    "Sinto falta das mensagens de vocês, sério, pode religar",
]
# fmt: on
